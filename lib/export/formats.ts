/** The export formats, by the name the API and the CLI take. Kept apart so tools can import it without the database. */
export const EXPORT_FORMATS = ["native", "w3c", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
