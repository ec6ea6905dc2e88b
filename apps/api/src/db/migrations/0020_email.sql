CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"skipped" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_email" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"alamat" text,
	"terverifikasi_at" timestamp with time zone,
	"jenis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"frekuensi" text DEFAULT 'harian' NOT NULL,
	"terakhir_dikirim_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_email" ADD CONSTRAINT "user_email_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("user_id") WHERE "email_outbox"."sent_at" is null and not "email_outbox"."skipped";--> statement-breakpoint
-- Every notification for a person who wants its kind by e-mail (a confirmed address) goes into the
-- outbox in the same transaction: the sending job (email.kirim) finds it there, however it was made.
CREATE OR REPLACE FUNCTION sip_email_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO email_outbox (user_id, notification_id)
  SELECT e.user_id, NEW.id FROM user_email e
  WHERE e.user_id = NEW.user_id
    AND e.alamat IS NOT NULL
    AND e.terverifikasi_at IS NOT NULL
    AND e.jenis ? NEW.kind;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_email_outbox AFTER INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION sip_email_outbox();
