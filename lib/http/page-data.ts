import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "../errors";

/**
 * Runs a page's lib call and turns 403/404 AppErrors (and 400 for malformed ids) into Next's
 * forbidden and not-found pages, so a page never shows a raw error.
 */
export async function loadPageData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
    }
    throw error;
  }
}

/**
 * For pages filtered by their URL: a 400 from `load` (nonsense filters) becomes a message to show
 * on the page instead of the data; every other refusal is left to loadPageData.
 */
export async function withFilterProblem<T>(
  load: Promise<T>,
): Promise<{ data: T; problem?: undefined } | { data?: undefined; problem: string }> {
  try {
    return { data: await load };
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST") return { problem: error.message };
    throw error;
  }
}
