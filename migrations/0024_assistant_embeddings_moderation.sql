CREATE TABLE "assistant_embeddings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"chunk_index" integer NOT NULL,
	"model" text NOT NULL,
	"content_hash" text NOT NULL,
	"embedding" real[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assistant_providers" ADD COLUMN "moderation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assistant_providers" ADD COLUMN "moderation_model" text;--> statement-breakpoint
ALTER TABLE "assistant_embeddings" ADD CONSTRAINT "assistant_embeddings_document_id_search_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."search_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assistant_embeddings_chunk_uq" ON "assistant_embeddings" USING btree ("document_id","model","chunk_index");