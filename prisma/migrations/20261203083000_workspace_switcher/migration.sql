-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "chosenAt" TIMESTAMP(3);

