CREATE TABLE "skm_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wilayah_kode" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"tahun" smallint NOT NULL,
	"semester" smallint NOT NULL,
	"day" date NOT NULL,
	"persyaratan" smallint NOT NULL,
	"prosedur" smallint NOT NULL,
	"waktu" smallint NOT NULL,
	"biaya" smallint NOT NULL,
	"produk" smallint NOT NULL,
	"kompetensi" smallint NOT NULL,
	"perilaku" smallint NOT NULL,
	"pengaduan" smallint NOT NULL,
	"sarana" smallint NOT NULL,
	"jenis_kelamin" text,
	"kelompok_umur" text,
	"pendidikan" text,
	"pekerjaan" text,
	"layanan" text,
	"saran" text,
	"saran_status" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"idempotency_key" uuid NOT NULL,
	"device_id" text NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "skm_responses_semester" CHECK ("skm_responses"."semester" in (1, 2)),
	CONSTRAINT "skm_responses_answers" CHECK ("skm_responses"."persyaratan" between 1 and 4 and "skm_responses"."prosedur" between 1 and 4 and "skm_responses"."waktu" between 1 and 4 and "skm_responses"."biaya" between 1 and 4 and "skm_responses"."produk" between 1 and 4 and "skm_responses"."kompetensi" between 1 and 4 and "skm_responses"."perilaku" between 1 and 4 and "skm_responses"."pengaduan" between 1 and 4 and "skm_responses"."sarana" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_wilayah_kode_wilayah_kode_fk" FOREIGN KEY ("wilayah_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "skm_responses_idempotency_uq" ON "skm_responses" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "skm_responses_device_day_uq" ON "skm_responses" USING btree ("device_id","wilayah_kode","day");--> statement-breakpoint
CREATE INDEX "skm_responses_agg_idx" ON "skm_responses" USING btree ("wilayah_kode" text_pattern_ops,"tahun") WHERE "skm_responses"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "skm_responses_saran_idx" ON "skm_responses" USING btree ("saran_status","wilayah_kode" text_pattern_ops) WHERE "skm_responses"."saran_status" is not null;