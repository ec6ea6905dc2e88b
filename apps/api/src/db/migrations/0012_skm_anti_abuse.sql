CREATE TABLE "skm_kode_layanan" (
	"kode" text PRIMARY KEY NOT NULL,
	"wilayah_kode" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"used_at" timestamp with time zone,
	"response_id" bigint
);
--> statement-breakpoint
CREATE TABLE "skm_unit_settings" (
	"wilayah_kode" text NOT NULL,
	"tahun" smallint NOT NULL,
	"kode_layanan_wajib" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "skm_unit_settings_wilayah_kode_tahun_pk" PRIMARY KEY("wilayah_kode","tahun")
);
--> statement-breakpoint
DROP INDEX "skm_responses_agg_idx";--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "status" text DEFAULT 'diterima' NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "sumber" text DEFAULT 'daring' NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "entered_by" uuid;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "form_nonce" text;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "kode_layanan" text;--> statement-breakpoint
-- Responses voided before the status column existed stay voided.
UPDATE "skm_responses" SET "status" = 'dibatalkan' WHERE "voided_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_kode_layanan" ADD CONSTRAINT "skm_kode_layanan_wilayah_kode_wilayah_kode_fk" FOREIGN KEY ("wilayah_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_unit_settings" ADD CONSTRAINT "skm_unit_settings_wilayah_kode_wilayah_kode_fk" FOREIGN KEY ("wilayah_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skm_kode_layanan_batch_idx" ON "skm_kode_layanan" USING btree ("wilayah_kode","batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skm_responses_form_nonce_uq" ON "skm_responses" USING btree ("form_nonce");--> statement-breakpoint
CREATE INDEX "skm_responses_recent_idx" ON "skm_responses" USING btree ("wilayah_kode","submitted_at");--> statement-breakpoint
CREATE INDEX "skm_responses_karantina_idx" ON "skm_responses" USING btree ("wilayah_kode" text_pattern_ops) WHERE "skm_responses"."status" = 'karantina';--> statement-breakpoint
CREATE INDEX "skm_responses_agg_idx" ON "skm_responses" USING btree ("wilayah_kode" text_pattern_ops,"tahun") WHERE "skm_responses"."status" = 'diterima';