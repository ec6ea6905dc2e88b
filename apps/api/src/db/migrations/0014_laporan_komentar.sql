CREATE TABLE "laporan_komentar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"laporan_id" uuid NOT NULL,
	"indikator_code" text NOT NULL,
	"author_id" uuid,
	"peran" text NOT NULL,
	"isi" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "laporan_komentar" ADD CONSTRAINT "laporan_komentar_laporan_id_laporan_id_fk" FOREIGN KEY ("laporan_id") REFERENCES "public"."laporan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laporan_komentar" ADD CONSTRAINT "laporan_komentar_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "laporan_komentar_laporan_idx" ON "laporan_komentar" USING btree ("laporan_id","indikator_code","created_at");