CREATE TABLE "dues_member_state" (
	"member_id" bigint PRIMARY KEY NOT NULL,
	"last_paid_month" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dues_member_state" ADD CONSTRAINT "dues_member_state_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;