CREATE TABLE "training_cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"capacity" integer,
	"organiser_name" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD COLUMN "cohort_id" uuid;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "cohort_id" uuid;--> statement-breakpoint
-- Every existing programme gets one default cohort carrying its capacity, organiser and session dates (UTC+8).
INSERT INTO "training_cohorts" ("id", "programme_id", "name", "starts_on", "ends_on", "capacity", "organiser_name", "created_by", "created_at")
SELECT gen_random_uuid(), p."id",
	CASE WHEN p."language" = 'en' THEN 'Cohort 1' ELSE '第一期' END,
	(SELECT min(s."starts_at" AT TIME ZONE 'Asia/Shanghai')::date FROM "training_sessions" s WHERE s."programme_id" = p."id"),
	(SELECT max(s."ends_at" AT TIME ZONE 'Asia/Shanghai')::date FROM "training_sessions" s WHERE s."programme_id" = p."id"),
	p."capacity", p."organiser_name", p."created_by", p."created_at"
FROM "training_programmes" p;--> statement-breakpoint
UPDATE "training_enrolments" e SET "cohort_id" = c."id" FROM "training_cohorts" c WHERE c."programme_id" = e."programme_id";--> statement-breakpoint
UPDATE "training_sessions" s SET "cohort_id" = c."id" FROM "training_cohorts" c WHERE c."programme_id" = s."programme_id";--> statement-breakpoint
ALTER TABLE "training_enrolments" ALTER COLUMN "cohort_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ALTER COLUMN "cohort_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_cohorts_programme_idx" ON "training_cohorts" USING btree ("programme_id");--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_enrolments_cohort_idx" ON "training_enrolments" USING btree ("cohort_id");
