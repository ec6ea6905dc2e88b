CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"laporan_id" uuid NOT NULL,
	"indikator_code" text NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "laporan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"periode_id" uuid NOT NULL,
	"wilayah_kode" text NOT NULL,
	"kecamatan_kode" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"bulan" integer,
	"status" text DEFAULT 'draf' NOT NULL,
	"endorsement_required" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"endorsed_at" timestamp with time zone,
	"endorsed_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"reopen_reason" text,
	"exception_until" timestamp with time zone,
	"exception_reason" text,
	"exception_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "laporan_bulan_kind" CHECK (("laporan"."kind" = 'bulanan' and "laporan"."bulan" between 1 and 12) or ("laporan"."kind" = 'tahunan' and "laporan"."bulan" is null))
);
--> statement-breakpoint
CREATE TABLE "laporan_entry" (
	"laporan_id" uuid NOT NULL,
	"indikator_code" text NOT NULL,
	"value" numeric,
	"tidak_berlaku" boolean DEFAULT false NOT NULL,
	"tidak_berlaku_reason" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decision" text,
	"corrected_value" numeric,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"review_comment" text,
	"review_comment_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "laporan_entry_laporan_id_indikator_code_pk" PRIMARY KEY("laporan_id","indikator_code"),
	CONSTRAINT "laporan_entry_decision" CHECK ("laporan_entry"."decision" <> 'corrected' or "laporan_entry"."corrected_value" is not null)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"laporan_id" uuid,
	"message" text NOT NULL,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_laporan_id_laporan_id_fk" FOREIGN KEY ("laporan_id") REFERENCES "public"."laporan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laporan" ADD CONSTRAINT "laporan_periode_id_periode_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."periode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laporan" ADD CONSTRAINT "laporan_wilayah_kode_wilayah_kode_fk" FOREIGN KEY ("wilayah_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laporan_entry" ADD CONSTRAINT "laporan_entry_laporan_id_laporan_id_fk" FOREIGN KEY ("laporan_id") REFERENCES "public"."laporan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_laporan_id_laporan_id_fk" FOREIGN KEY ("laporan_id") REFERENCES "public"."laporan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_laporan_idx" ON "evidence" USING btree ("laporan_id","indikator_code");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_storage_key_uq" ON "evidence" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "laporan_unit_uq" ON "laporan" USING btree ("periode_id","wilayah_kode","kind",coalesce("bulan", 0));--> statement-breakpoint
CREATE INDEX "laporan_queue_idx" ON "laporan" USING btree ("periode_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "laporan_kecamatan_idx" ON "laporan" USING btree ("periode_id","kecamatan_kode");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");