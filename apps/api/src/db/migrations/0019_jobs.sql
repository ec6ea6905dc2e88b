CREATE SCHEMA "jobs";
--> statement-breakpoint
CREATE TABLE "jobs"."job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"state" text DEFAULT 'created' NOT NULL,
	"singleton_key" text,
	"pemda_kode" text,
	"created_by" uuid,
	"progress" smallint DEFAULT 0 NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"checkpoint" jsonb,
	"result" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "penutupan_bulan" (
	"periode_id" uuid NOT NULL,
	"bulan" integer NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"units" integer NOT NULL,
	"tepat_waktu" integer NOT NULL,
	"terlambat" integer NOT NULL,
	"belum" integer NOT NULL,
	CONSTRAINT "penutupan_bulan_periode_id_bulan_pk" PRIMARY KEY("periode_id","bulan")
);
--> statement-breakpoint
ALTER TABLE "penutupan_bulan" ADD CONSTRAINT "penutupan_bulan_periode_id_periode_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."periode"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_singleton_uq" ON "jobs"."job" USING btree ("name","singleton_key") WHERE "jobs"."job"."singleton_key" is not null and "jobs"."job"."state" in ('created', 'active', 'retry');--> statement-breakpoint
CREATE INDEX "job_pemda_idx" ON "jobs"."job" USING btree ("pemda_kode","created_at");--> statement-breakpoint
CREATE INDEX "job_state_idx" ON "jobs"."job" USING btree ("state","heartbeat_at");--> statement-breakpoint
CREATE INDEX "job_created_idx" ON "jobs"."job" USING btree ("created_at");