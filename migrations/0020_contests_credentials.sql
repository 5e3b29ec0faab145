CREATE TABLE "contest_credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contest_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"school_id" uuid,
	"award" text NOT NULL,
	"jwt" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text
);
--> statement-breakpoint
ALTER TABLE "contest_credentials" ADD CONSTRAINT "contest_credentials_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_credentials" ADD CONSTRAINT "contest_credentials_entry_id_contest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."contest_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_credentials" ADD CONSTRAINT "contest_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_credentials" ADD CONSTRAINT "contest_credentials_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_credentials" ADD CONSTRAINT "contest_credentials_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contest_credentials_live_uq" ON "contest_credentials" USING btree ("entry_id","user_id") WHERE "contest_credentials"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "contest_credentials_user_idx" ON "contest_credentials" USING btree ("user_id");