CREATE TABLE "collab_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_name" text NOT NULL,
	"thread_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"anchor_from" text,
	"anchor_to" text,
	"quote" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_documents" (
	"name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_name" text NOT NULL,
	"label" text NOT NULL,
	"kind" text DEFAULT 'named' NOT NULL,
	"state" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collab_comments" ADD CONSTRAINT "collab_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_comments" ADD CONSTRAINT "collab_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collab_comments_document_idx" ON "collab_comments" USING btree ("document_name","created_at");--> statement-breakpoint
CREATE INDEX "collab_comments_thread_idx" ON "collab_comments" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "collab_snapshots_document_idx" ON "collab_snapshots" USING btree ("document_name","created_at");