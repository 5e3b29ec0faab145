CREATE TABLE "federated_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"peer_id" uuid NOT NULL,
	"origin_node_id" text NOT NULL,
	"origin_name" text NOT NULL,
	"origin_url" text NOT NULL,
	"kind" text NOT NULL,
	"origin_id" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"payload" jsonb NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"origin_updated_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_held" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"item_id" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"findings" jsonb NOT NULL,
	"item_updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_nonces" (
	"key_id" text NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "federation_nonces_key_id_nonce_pk" PRIMARY KEY("key_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "federation_peers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"jurisdictions" text[] NOT NULL,
	"level" text NOT NULL,
	"relation" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"cursor" text DEFAULT '' NOT NULL,
	"last_pull_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_change_at" timestamp with time zone,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_pull_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "federated_items" ADD CONSTRAINT "federated_items_peer_id_federation_peers_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."federation_peers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "federated_items_origin_uq" ON "federated_items" USING btree ("origin_node_id","kind","origin_id");--> statement-breakpoint
CREATE INDEX "federated_items_peer_idx" ON "federated_items" USING btree ("peer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "federation_held_item_uq" ON "federation_held" USING btree ("kind","item_id","item_updated_at");--> statement-breakpoint
CREATE INDEX "federation_nonces_expiry_idx" ON "federation_nonces" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "federation_peers_node_uq" ON "federation_peers" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "federation_peers_status_idx" ON "federation_peers" USING btree ("status","next_pull_at");