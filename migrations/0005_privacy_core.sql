CREATE TABLE "privacy_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"partner_jurisdiction_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"category" text NOT NULL,
	"dataset_ids" uuid[] NOT NULL,
	"fields" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"pia_ref" text DEFAULT '' NOT NULL,
	"filing_ref" text DEFAULT '' NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"approved_by_owner_id" uuid,
	"approved_by_owner_at" timestamp with time zone,
	"approved_by_partner_id" uuid,
	"approved_by_partner_at" timestamp with time zone,
	"epsilon_total_nanos" bigint NOT NULL,
	"epsilon_spent_nanos" bigint DEFAULT 0 NOT NULL,
	"period_days" integer NOT NULL,
	"period_start" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_datasets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"format" text NOT NULL,
	"blob_sha256" text NOT NULL,
	"size" integer NOT NULL,
	"row_count" integer NOT NULL,
	"columns" jsonb NOT NULL,
	"profile" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contains_children" boolean DEFAULT false NOT NULL,
	"release_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_dp_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"cache_key" text NOT NULL,
	"query" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"epsilon_nanos" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"category" text NOT NULL,
	"egress" text NOT NULL,
	"min_k" integer NOT NULL,
	"epsilon_per_period" double precision NOT NULL,
	"period_days" integer NOT NULL,
	"child_min_k" integer NOT NULL,
	"child_epsilon_per_period" double precision NOT NULL,
	"requires_pia" boolean NOT NULL,
	"requires_filing" boolean NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"school_id" uuid,
	"dataset_id" uuid NOT NULL,
	"agreement_id" uuid,
	"policy" jsonb NOT NULL,
	"objective" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"output_dataset_id" uuid,
	"risk" jsonb,
	"utility" jsonb,
	"outbound" jsonb,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_agreements" ADD CONSTRAINT "privacy_agreements_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_agreements" ADD CONSTRAINT "privacy_agreements_partner_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("partner_jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_datasets" ADD CONSTRAINT "privacy_datasets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_datasets" ADD CONSTRAINT "privacy_datasets_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_datasets" ADD CONSTRAINT "privacy_datasets_blob_sha256_privacy_blobs_sha256_fk" FOREIGN KEY ("blob_sha256") REFERENCES "public"."privacy_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_dp_answers" ADD CONSTRAINT "privacy_dp_answers_agreement_id_privacy_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."privacy_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_policies" ADD CONSTRAINT "privacy_policies_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_releases" ADD CONSTRAINT "privacy_releases_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_releases" ADD CONSTRAINT "privacy_releases_dataset_id_privacy_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."privacy_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_agreements_parties_idx" ON "privacy_agreements" USING btree ("jurisdiction_id","partner_jurisdiction_id");--> statement-breakpoint
CREATE INDEX "privacy_datasets_jurisdiction_idx" ON "privacy_datasets" USING btree ("jurisdiction_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_dp_answers_key_uq" ON "privacy_dp_answers" USING btree ("agreement_id","cache_key");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_policies_jurisdiction_category_uq" ON "privacy_policies" USING btree ("jurisdiction_id","category");--> statement-breakpoint
CREATE INDEX "privacy_releases_dataset_idx" ON "privacy_releases" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "privacy_releases_agreement_idx" ON "privacy_releases" USING btree ("agreement_id");