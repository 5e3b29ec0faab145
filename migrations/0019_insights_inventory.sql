CREATE TABLE "insights_course_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inventory_id" uuid NOT NULL,
	"grade" integer NOT NULL,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"setting" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_facts" (
	"school_id" uuid NOT NULL,
	"term" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"authority_path" uuid[] NOT NULL,
	"vars" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_facts_school_id_term_pk" PRIMARY KEY("school_id","term")
);
--> statement-breakpoint
CREATE TABLE "insights_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"term" text NOT NULL,
	"status" text NOT NULL,
	"file_sha256" text NOT NULL,
	"plan" jsonb,
	"problems" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"jurisdiction_id" uuid,
	"names" jsonb NOT NULL,
	"definitions" jsonb NOT NULL,
	"numerator" text NOT NULL,
	"denominator" text NOT NULL,
	"scale" double precision NOT NULL,
	"unit" text NOT NULL,
	"target" double precision,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_indicators_code_uq" UNIQUE NULLS NOT DISTINCT("code","jurisdiction_id")
);
--> statement-breakpoint
CREATE TABLE "insights_inventories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"term" text NOT NULL,
	"teacher_terminals" integer NOT NULL,
	"student_devices" integer NOT NULL,
	"bandwidth_mbps" integer NOT NULL,
	"connectivity" text NOT NULL,
	"popularisation_base" text NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_rooms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inventory_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"equipment" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_values" (
	"code" text NOT NULL,
	"term" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision NOT NULL,
	"schools" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_values_code_term_scope_kind_scope_id_pk" PRIMARY KEY("code","term","scope_kind","scope_id")
);
--> statement-breakpoint
ALTER TABLE "insights_course_offers" ADD CONSTRAINT "insights_course_offers_inventory_id_insights_inventories_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."insights_inventories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_facts" ADD CONSTRAINT "insights_facts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_imports" ADD CONSTRAINT "insights_imports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_imports" ADD CONSTRAINT "insights_imports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_imports" ADD CONSTRAINT "insights_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_indicators" ADD CONSTRAINT "insights_indicators_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_inventories" ADD CONSTRAINT "insights_inventories_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_inventories" ADD CONSTRAINT "insights_inventories_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_inventories" ADD CONSTRAINT "insights_inventories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_rooms" ADD CONSTRAINT "insights_rooms_inventory_id_insights_inventories_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."insights_inventories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_values" ADD CONSTRAINT "insights_values_indicator_id_insights_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."insights_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insights_course_offers_inventory_idx" ON "insights_course_offers" USING btree ("inventory_id");--> statement-breakpoint
CREATE INDEX "insights_facts_term_idx" ON "insights_facts" USING btree ("term");--> statement-breakpoint
CREATE UNIQUE INDEX "insights_inventories_school_term_uq" ON "insights_inventories" USING btree ("school_id","term");--> statement-breakpoint
CREATE INDEX "insights_inventories_term_idx" ON "insights_inventories" USING btree ("term");--> statement-breakpoint
CREATE INDEX "insights_rooms_inventory_idx" ON "insights_rooms" USING btree ("inventory_id");--> statement-breakpoint
CREATE INDEX "insights_values_scope_idx" ON "insights_values" USING btree ("scope_id","term");--> statement-breakpoint
CREATE INDEX "insights_values_term_idx" ON "insights_values" USING btree ("term") WHERE "insights_values"."scope_kind" = 'jurisdiction';