DROP INDEX "periode_pemda_tahun_uq";--> statement-breakpoint
ALTER TABLE "periode" ADD COLUMN "latihan" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "periode_pemda_latihan_uq" ON "periode" USING btree ("pemda_kode") WHERE "periode"."latihan";--> statement-breakpoint
CREATE UNIQUE INDEX "periode_pemda_tahun_uq" ON "periode" USING btree ("pemda_kode","tahun") WHERE not "periode"."latihan";