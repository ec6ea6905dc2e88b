CREATE TABLE "rapor_keberatan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"periode_id" uuid NOT NULL,
	"pemda_kode" text NOT NULL,
	"wilayah_kode" text NOT NULL,
	"isi" text NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_by_name" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'diajukan' NOT NULL,
	"keputusan" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rapor_keberatan_decided" CHECK (("rapor_keberatan"."status" = 'diajukan') = ("rapor_keberatan"."decided_at" is null and "rapor_keberatan"."keputusan" is null))
);
--> statement-breakpoint
ALTER TABLE "rapor_keberatan" ADD CONSTRAINT "rapor_keberatan_periode_id_periode_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."periode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rapor_keberatan_open_uq" ON "rapor_keberatan" USING btree ("periode_id","wilayah_kode") WHERE "rapor_keberatan"."status" = 'diajukan';