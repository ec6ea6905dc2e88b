CREATE TABLE "auth_throttle" (
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"ip" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_throttle_kind_subject_ip_pk" PRIMARY KEY("kind","subject","ip")
);
--> statement-breakpoint
CREATE INDEX "auth_throttle_subject_idx" ON "auth_throttle" USING btree ("subject");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_login_count";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";