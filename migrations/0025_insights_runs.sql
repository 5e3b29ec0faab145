CREATE TABLE "insights_runs" (
	"term" text PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"schools" integer NOT NULL,
	"values" integer NOT NULL,
	"changed" integer NOT NULL
);
