CREATE TABLE "periode" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"tahun" integer NOT NULL,
	"status" text DEFAULT 'draf' NOT NULL,
	"settings" jsonb NOT NULL,
	"framework" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	CONSTRAINT "periode_tahun_range" CHECK ("periode"."tahun" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "periode" ADD CONSTRAINT "periode_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "periode_pemda_tahun_uq" ON "periode" USING btree ("pemda_kode","tahun");--> statement-breakpoint
CREATE INDEX "periode_status_idx" ON "periode" USING btree ("pemda_kode","status");