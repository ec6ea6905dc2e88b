CREATE TABLE "aktivitas_kunci" (
	"pemda_kode" text NOT NULL,
	"id" uuid NOT NULL,
	"tanggal" date NOT NULL,
	"pegawai_id" uuid NOT NULL,
	CONSTRAINT "aktivitas_kunci_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
DROP INDEX "aktivitas_id_idx";--> statement-breakpoint
ALTER TABLE "aktivitas_kunci" ADD CONSTRAINT "aktivitas_kunci_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "aktivitas_kunci" ("pemda_kode", "id", "tanggal", "pegawai_id")
  SELECT "pemda_kode", "id", "tanggal", "pegawai_id" FROM "aktivitas" ON CONFLICT DO NOTHING;
