CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text[] NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"grade_band" text NOT NULL,
	"licence" text NOT NULL,
	"publish_level" text NOT NULL,
	"status" text NOT NULL,
	"author_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"anchor_unit_id" uuid,
	"popularity" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"analysis_version" text NOT NULL,
	"title_canonical" text NOT NULL,
	"summary_canonical" text NOT NULL,
	"title_terms" text[] NOT NULL,
	"title_bigrams" text[] NOT NULL,
	"title_english" text[] NOT NULL,
	"keyword_terms" text[] NOT NULL,
	"keyword_bigrams" text[] NOT NULL,
	"keyword_english" text[] NOT NULL,
	"summary_terms" text[] NOT NULL,
	"summary_bigrams" text[] NOT NULL,
	"summary_english" text[] NOT NULL,
	"terms" text[] NOT NULL,
	"bigrams" text[] NOT NULL,
	"english" text[] NOT NULL,
	"suggest_keys" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_terms_gin" ON "search_documents" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_documents_bigrams_gin" ON "search_documents" USING gin ("bigrams");--> statement-breakpoint
CREATE INDEX "search_documents_english_gin" ON "search_documents" USING gin ("english");--> statement-breakpoint
CREATE INDEX "search_documents_suggest_gin" ON "search_documents" USING gin ("suggest_keys");--> statement-breakpoint
CREATE INDEX "search_documents_school_idx" ON "search_documents" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "search_documents_anchor_idx" ON "search_documents" USING btree ("anchor_unit_id");--> statement-breakpoint
CREATE INDEX "search_documents_author_idx" ON "search_documents" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "search_documents_level_idx" ON "search_documents" USING btree ("publish_level","status");--> statement-breakpoint
CREATE INDEX "search_documents_popular_idx" ON "search_documents" USING btree ("popularity" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "search_documents_stale_idx" ON "search_documents" USING btree ("analysis_version");