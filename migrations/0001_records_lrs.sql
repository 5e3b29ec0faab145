CREATE TABLE "xapi_activities" (
	"jurisdiction_id" uuid NOT NULL,
	"school_id" uuid,
	"activity_id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "xapi_activities_tenant_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","school_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "xapi_attachments" (
	"sha2" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"length" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xapi_documents" (
	"jurisdiction_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"activity_id" text NOT NULL,
	"agent_key" text NOT NULL,
	"registration" text NOT NULL,
	"document_id" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"etag" text NOT NULL,
	"updated" timestamp with time zone NOT NULL,
	CONSTRAINT "xapi_documents_key_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","school_id","kind","activity_id","agent_key","registration","document_id")
);
--> statement-breakpoint
CREATE TABLE "xapi_statements" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "xapi_statements_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"statement_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"school_id" uuid,
	"client_id" uuid,
	"stored" timestamp with time zone NOT NULL,
	"verb_id" text NOT NULL,
	"registration" uuid,
	"voided" boolean DEFAULT false NOT NULL,
	"voids_id" uuid,
	"object_ref" uuid,
	"agents" text[] NOT NULL,
	"related_agents" text[] NOT NULL,
	"activities" text[] NOT NULL,
	"related_activities" text[] NOT NULL,
	"statement" jsonb NOT NULL,
	CONSTRAINT "xapi_statements_tenant_id_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","school_id","statement_id")
);
--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xapi_statements_tenant_stored_idx" ON "xapi_statements" USING btree ("school_id","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_tenant_verb_idx" ON "xapi_statements" USING btree ("school_id","verb_id","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_registration_idx" ON "xapi_statements" USING btree ("school_id","registration","stored","seq") WHERE "xapi_statements"."registration" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_object_ref_idx" ON "xapi_statements" USING btree ("school_id","object_ref") WHERE "xapi_statements"."object_ref" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_agents_idx" ON "xapi_statements" USING gin ("agents");--> statement-breakpoint
CREATE INDEX "xapi_statements_related_agents_idx" ON "xapi_statements" USING gin ("related_agents");--> statement-breakpoint
CREATE INDEX "xapi_statements_activities_idx" ON "xapi_statements" USING gin ("activities");--> statement-breakpoint
CREATE INDEX "xapi_statements_related_activities_idx" ON "xapi_statements" USING gin ("related_activities");