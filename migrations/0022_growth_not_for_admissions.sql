ALTER TABLE "growth_evidence" ADD COLUMN "not_for_admissions" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Contest awards recorded before this column existed carry the ministry's rule too.
UPDATE "growth_evidence" SET "not_for_admissions" = true WHERE "source" = 'contest';
