CREATE TABLE "xapi_daily_counts" (
	"school_id" uuid,
	"activity_id" text NOT NULL,
	"day" date NOT NULL,
	"verb_id" text NOT NULL,
	"agent_key" text NOT NULL,
	"statements" integer NOT NULL,
	CONSTRAINT "xapi_daily_counts_uq" UNIQUE NULLS NOT DISTINCT("school_id","activity_id","day","verb_id","agent_key")
);
--> statement-breakpoint
CREATE TABLE "xapi_rollup_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"rolled_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "xapi_statements_voided_idx" ON "xapi_statements" USING btree ("school_id","stored") WHERE "xapi_statements"."voided";