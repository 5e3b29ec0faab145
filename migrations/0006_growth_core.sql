CREATE TABLE "growth_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"evidence_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"dimension_key" text NOT NULL,
	"indicator_key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"occurred_on" date NOT NULL,
	"author_id" uuid,
	"author_role" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"review_status" text NOT NULL,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"selected" boolean DEFAULT false NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_frameworks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"names" jsonb NOT NULL,
	"dimensions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_frameworks_version_uq" UNIQUE("jurisdiction_id","version")
);
--> statement-breakpoint
CREATE TABLE "growth_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"evidence_id" uuid,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"stage" text DEFAULT 'recording' NOT NULL,
	"selected_at" timestamp with time zone,
	"publicity_starts_at" timestamp with time zone,
	"publicity_ends_at" timestamp with time zone,
	"student_confirmed_at" timestamp with time zone,
	"class_teacher_signed_by" uuid,
	"class_teacher_signed_at" timestamp with time zone,
	"principal_signed_by" uuid,
	"principal_signed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_records_term_student_uq" UNIQUE("term_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "growth_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"code" text NOT NULL,
	"names" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"publicity_working_days" integer DEFAULT 5 NOT NULL,
	"framework_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_terms_school_code_uq" UNIQUE("school_id","code")
);
--> statement-breakpoint
CREATE TABLE "growth_xapi_cursors" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_xapi_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"verb_id" text NOT NULL,
	"activity_type" text,
	"dimension_key" text NOT NULL,
	"indicator_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_xapi_rules_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","verb_id","activity_type")
);
--> statement-breakpoint
ALTER TABLE "growth_attachments" ADD CONSTRAINT "growth_attachments_evidence_id_growth_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."growth_evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_attachments" ADD CONSTRAINT "growth_attachments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_attachments" ADD CONSTRAINT "growth_attachments_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_evidence" ADD CONSTRAINT "growth_evidence_record_id_growth_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."growth_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_evidence" ADD CONSTRAINT "growth_evidence_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_evidence" ADD CONSTRAINT "growth_evidence_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_evidence" ADD CONSTRAINT "growth_evidence_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_frameworks" ADD CONSTRAINT "growth_frameworks_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_objections" ADD CONSTRAINT "growth_objections_record_id_growth_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."growth_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_objections" ADD CONSTRAINT "growth_objections_evidence_id_growth_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."growth_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_objections" ADD CONSTRAINT "growth_objections_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_objections" ADD CONSTRAINT "growth_objections_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_records" ADD CONSTRAINT "growth_records_term_id_growth_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."growth_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_records" ADD CONSTRAINT "growth_records_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_records" ADD CONSTRAINT "growth_records_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_records" ADD CONSTRAINT "growth_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_records" ADD CONSTRAINT "growth_records_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_terms" ADD CONSTRAINT "growth_terms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_terms" ADD CONSTRAINT "growth_terms_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_terms" ADD CONSTRAINT "growth_terms_framework_id_growth_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."growth_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_xapi_cursors" ADD CONSTRAINT "growth_xapi_cursors_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_xapi_rules" ADD CONSTRAINT "growth_xapi_rules_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "growth_attachments_evidence_idx" ON "growth_attachments" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "growth_evidence_record_idx" ON "growth_evidence" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "growth_evidence_school_review_idx" ON "growth_evidence" USING btree ("school_id","review_status");--> statement-breakpoint
CREATE UNIQUE INDEX "growth_evidence_source_uq" ON "growth_evidence" USING btree ("student_id","source","source_ref") WHERE "growth_evidence"."source_ref" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "growth_frameworks_current_uq" ON "growth_frameworks" USING btree ("jurisdiction_id") WHERE "growth_frameworks"."is_current";--> statement-breakpoint
CREATE INDEX "growth_objections_record_idx" ON "growth_objections" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "growth_records_class_idx" ON "growth_records" USING btree ("class_id","term_id");--> statement-breakpoint
CREATE INDEX "growth_records_school_idx" ON "growth_records" USING btree ("school_id","term_id");