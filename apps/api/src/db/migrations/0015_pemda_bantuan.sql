CREATE TABLE "pemda_bantuan" (
	"pemda_kode" text PRIMARY KEY NOT NULL,
	"nama" text DEFAULT '' NOT NULL,
	"telepon" text DEFAULT '' NOT NULL,
	"whatsapp" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"jam_layanan" text DEFAULT '' NOT NULL,
	"alamat" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "pemda_bantuan" ADD CONSTRAINT "pemda_bantuan_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;