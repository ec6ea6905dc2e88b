CREATE TABLE "aktivitas" (
	"pemda_kode" text NOT NULL,
	"tanggal" date NOT NULL,
	"id" uuid NOT NULL,
	"pegawai_id" uuid NOT NULL,
	"jabatan_id" uuid NOT NULL,
	"unit_kerja_id" uuid NOT NULL,
	"kegiatan_id" uuid,
	"uraian" text NOT NULL,
	"mulai" integer NOT NULL,
	"selesai" integer NOT NULL,
	"menit" integer NOT NULL,
	"volume" integer NOT NULL,
	"satuan" text NOT NULL,
	"lembur" boolean DEFAULT false NOT NULL,
	"catatan" text DEFAULT '' NOT NULL,
	"bukti_key" text,
	"bukti_nama" text,
	"bukti_mime" text,
	"bukti_ukuran" integer,
	"status" text DEFAULT 'diajukan' NOT NULL,
	"menit_disetujui" integer,
	"alasan_atasan" text,
	"diputus_oleh" uuid,
	"diputus_at" timestamp with time zone,
	"eskalasi" boolean DEFAULT false NOT NULL,
	"sampel" boolean DEFAULT false NOT NULL,
	"menit_diakui" integer,
	"alasan_verifikasi" text,
	"diverifikasi_oleh" uuid,
	"diverifikasi_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aktivitas_pemda_kode_tanggal_id_pk" PRIMARY KEY("pemda_kode","tanggal","id"),
	CONSTRAINT "aktivitas_waktu_check" CHECK ("aktivitas"."mulai" >= 0 AND "aktivitas"."selesai" <= 1440 AND "aktivitas"."selesai" > "aktivitas"."mulai"),
	CONSTRAINT "aktivitas_menit_check" CHECK ("aktivitas"."menit" = "aktivitas"."selesai" - "aktivitas"."mulai")
) PARTITION BY RANGE ("tanggal");
--> statement-breakpoint
CREATE TABLE "aktivitas_pengecualian" (
	"pemda_kode" text NOT NULL,
	"pegawai_id" uuid NOT NULL,
	"tanggal" date NOT NULL,
	"berlaku_sampai" timestamp with time zone NOT NULL,
	"alasan" text NOT NULL,
	"diberikan_oleh" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aktivitas_pengecualian_pemda_kode_pegawai_id_tanggal_pk" PRIMARY KEY("pemda_kode","pegawai_id","tanggal")
);
--> statement-breakpoint
CREATE TABLE "kinerja_bulanan" (
	"pemda_kode" text NOT NULL,
	"tahun" integer NOT NULL,
	"bulan" integer NOT NULL,
	"pegawai_id" uuid NOT NULL,
	"unit_kerja_id" uuid NOT NULL,
	"menit_diakui" integer NOT NULL,
	"hari_kerja" integer NOT NULL,
	"target_menit" integer NOT NULL,
	"produktivitas" numeric NOT NULL,
	"perilaku" numeric,
	"nilai_kinerja" numeric,
	"rincian" jsonb NOT NULL,
	"dihitung_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kinerja_bulanan_pemda_kode_tahun_bulan_pegawai_id_pk" PRIMARY KEY("pemda_kode","tahun","bulan","pegawai_id")
);
--> statement-breakpoint
CREATE TABLE "perilaku_bulanan" (
	"pemda_kode" text NOT NULL,
	"tahun" integer NOT NULL,
	"bulan" integer NOT NULL,
	"pegawai_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"catatan" text DEFAULT '' NOT NULL,
	"dinilai_oleh" uuid NOT NULL,
	"dinilai_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "perilaku_bulanan_pemda_kode_tahun_bulan_pegawai_id_pk" PRIMARY KEY("pemda_kode","tahun","bulan","pegawai_id")
);
--> statement-breakpoint
CREATE TABLE "verifikasi_kinerja" (
	"pemda_kode" text NOT NULL,
	"unit_kerja_id" uuid NOT NULL,
	"tahun" integer NOT NULL,
	"bulan" integer NOT NULL,
	"cara" text NOT NULL,
	"ukuran_sampel" integer,
	"status" text DEFAULT 'berjalan' NOT NULL,
	"dimulai_oleh" uuid NOT NULL,
	"dimulai_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ditutup_oleh" uuid,
	"ditutup_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "verifikasi_kinerja_pemda_kode_unit_kerja_id_tahun_bulan_pk" PRIMARY KEY("pemda_kode","unit_kerja_id","tahun","bulan")
);
--> statement-breakpoint
CREATE TABLE "cuti" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"pegawai_id" uuid NOT NULL,
	"jenis" text NOT NULL,
	"mulai" date NOT NULL,
	"selesai" date NOT NULL,
	"keterangan" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "hari_libur" (
	"pemda_kode" text NOT NULL,
	"tanggal" date NOT NULL,
	"jenis" text NOT NULL,
	"keterangan" text NOT NULL,
	CONSTRAINT "hari_libur_pemda_kode_tanggal_pk" PRIMARY KEY("pemda_kode","tanggal")
);
--> statement-breakpoint
CREATE TABLE "jabatan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"unit_kerja_id" uuid NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"jenis" text NOT NULL,
	"kelas" integer NOT NULL,
	"atasan_id" uuid,
	"kepala_unit" boolean DEFAULT false NOT NULL,
	"aktif" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jabatan_kelas_check" CHECK ("jabatan"."kelas" BETWEEN 1 AND 17)
);
--> statement-breakpoint
CREATE TABLE "jabatan_kegiatan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"jabatan_id" uuid NOT NULL,
	"nama" text NOT NULL,
	"menit_standar" integer NOT NULL,
	"satuan" text NOT NULL,
	"templat" boolean DEFAULT false NOT NULL,
	"urutan" integer DEFAULT 0 NOT NULL,
	"aktif" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kinerja_setting" (
	"pemda_kode" text NOT NULL,
	"tahun" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "kinerja_setting_pemda_kode_tahun_pk" PRIMARY KEY("pemda_kode","tahun")
);
--> statement-breakpoint
CREATE TABLE "pegawai" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"nip" text NOT NULL,
	"nama" text NOT NULL,
	"status" text NOT NULL,
	"user_id" uuid,
	"aktif" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pegawai_nip_check" CHECK ("pegawai"."nip" ~ '^[0-9]{18}$')
);
--> statement-breakpoint
CREATE TABLE "pegawai_jabatan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"pegawai_id" uuid NOT NULL,
	"jabatan_id" uuid NOT NULL,
	"jenis" text NOT NULL,
	"mulai" date NOT NULL,
	"selesai" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "pegawai_jabatan_span_check" CHECK ("pegawai_jabatan"."selesai" IS NULL OR "pegawai_jabatan"."selesai" >= "pegawai_jabatan"."mulai")
);
--> statement-breakpoint
CREATE TABLE "unit_kerja" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pemda_kode" text NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"jenis" text NOT NULL,
	"wilayah_kode" text,
	"aktif" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aktivitas" ADD CONSTRAINT "aktivitas_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktivitas_pengecualian" ADD CONSTRAINT "aktivitas_pengecualian_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kinerja_bulanan" ADD CONSTRAINT "kinerja_bulanan_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perilaku_bulanan" ADD CONSTRAINT "perilaku_bulanan_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifikasi_kinerja" ADD CONSTRAINT "verifikasi_kinerja_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuti" ADD CONSTRAINT "cuti_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuti" ADD CONSTRAINT "cuti_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hari_libur" ADD CONSTRAINT "hari_libur_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_unit_kerja_id_unit_kerja_id_fk" FOREIGN KEY ("unit_kerja_id") REFERENCES "public"."unit_kerja"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan_kegiatan" ADD CONSTRAINT "jabatan_kegiatan_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan_kegiatan" ADD CONSTRAINT "jabatan_kegiatan_jabatan_id_jabatan_id_fk" FOREIGN KEY ("jabatan_id") REFERENCES "public"."jabatan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kinerja_setting" ADD CONSTRAINT "kinerja_setting_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai_jabatan" ADD CONSTRAINT "pegawai_jabatan_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai_jabatan" ADD CONSTRAINT "pegawai_jabatan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai_jabatan" ADD CONSTRAINT "pegawai_jabatan_jabatan_id_jabatan_id_fk" FOREIGN KEY ("jabatan_id") REFERENCES "public"."jabatan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_kerja" ADD CONSTRAINT "unit_kerja_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_kerja" ADD CONSTRAINT "unit_kerja_wilayah_kode_wilayah_kode_fk" FOREIGN KEY ("wilayah_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aktivitas_pegawai_idx" ON "aktivitas" USING btree ("pegawai_id","tanggal");--> statement-breakpoint
CREATE INDEX "aktivitas_unit_idx" ON "aktivitas" USING btree ("unit_kerja_id","tanggal");--> statement-breakpoint
CREATE INDEX "aktivitas_id_idx" ON "aktivitas" USING btree ("id");--> statement-breakpoint
CREATE INDEX "kinerja_bulanan_unit_idx" ON "kinerja_bulanan" USING btree ("unit_kerja_id","tahun","bulan");--> statement-breakpoint
CREATE INDEX "cuti_pegawai_idx" ON "cuti" USING btree ("pegawai_id","mulai");--> statement-breakpoint
CREATE UNIQUE INDEX "jabatan_kode_uq" ON "jabatan" USING btree ("pemda_kode","kode");--> statement-breakpoint
CREATE INDEX "jabatan_unit_idx" ON "jabatan" USING btree ("unit_kerja_id");--> statement-breakpoint
CREATE INDEX "jabatan_atasan_idx" ON "jabatan" USING btree ("atasan_id");--> statement-breakpoint
CREATE INDEX "jabatan_kegiatan_jabatan_idx" ON "jabatan_kegiatan" USING btree ("jabatan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pegawai_nip_uq" ON "pegawai" USING btree ("nip");--> statement-breakpoint
CREATE UNIQUE INDEX "pegawai_user_uq" ON "pegawai" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pegawai_pemda_idx" ON "pegawai" USING btree ("pemda_kode","nama");--> statement-breakpoint
CREATE INDEX "pegawai_jabatan_pegawai_idx" ON "pegawai_jabatan" USING btree ("pegawai_id","mulai");--> statement-breakpoint
CREATE INDEX "pegawai_jabatan_jabatan_idx" ON "pegawai_jabatan" USING btree ("jabatan_id","mulai");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_kerja_kode_uq" ON "unit_kerja" USING btree ("pemda_kode","kode");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_kerja_wilayah_uq" ON "unit_kerja" USING btree ("wilayah_kode");--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_atasan_id_jabatan_id_fk" FOREIGN KEY ("atasan_id") REFERENCES "public"."jabatan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_kerja" ADD CONSTRAINT "unit_kerja_jenis_check" CHECK ("jenis" IN ('perangkat_daerah', 'kecamatan', 'kelurahan'));--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_jenis_check" CHECK ("jenis" IN ('struktural', 'fungsional', 'pelaksana'));--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_status_check" CHECK ("status" IN ('PNS', 'CPNS', 'PPPK'));--> statement-breakpoint
ALTER TABLE "pegawai_jabatan" ADD CONSTRAINT "pegawai_jabatan_jenis_check" CHECK ("jenis" IN ('definitif', 'plt', 'plh'));--> statement-breakpoint
ALTER TABLE "aktivitas" ADD CONSTRAINT "aktivitas_status_check" CHECK ("status" IN ('diajukan', 'disetujui', 'ditolak'));--> statement-breakpoint
ALTER TABLE "verifikasi_kinerja" ADD CONSTRAINT "verifikasi_kinerja_status_check" CHECK ("status" IN ('berjalan', 'ditutup'));--> statement-breakpoint
-- One partition of aktivitas per calendar month (DESIGN.md: 2–3 million rows a month in a city).
-- The months a job ("aktivitas.partisi", daily) has not made yet land in the default partition, so
-- no insert ever fails; the job makes each month ahead of time, while its range is still empty.
CREATE OR REPLACE FUNCTION sip_aktivitas_partisi(dari date, bulan_ke_depan integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  awal date := date_trunc('month', dari)::date;
  nama text;
  dibuat integer := 0;
BEGIN
  FOR i IN 0..bulan_ke_depan LOOP
    nama := 'aktivitas_' || to_char(awal + make_interval(months => i), 'YYYY_MM');
    IF to_regclass(nama) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF aktivitas FOR VALUES FROM (%L) TO (%L)', nama,
        awal + make_interval(months => i), awal + make_interval(months => i + 1));
      dibuat := dibuat + 1;
    END IF;
  END LOOP;
  RETURN dibuat;
END;
$$;
--> statement-breakpoint
CREATE TABLE "aktivitas_lain" PARTITION OF "aktivitas" DEFAULT;
--> statement-breakpoint
SELECT sip_aktivitas_partisi('2025-01-01', 35);
