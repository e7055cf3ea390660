CREATE TABLE "dues_batches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"month" text NOT NULL,
	"paid_on" date NOT NULL,
	"item_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"note" text,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"month" text,
	"amount_fen" bigint NOT NULL,
	"standard_fen" integer,
	"centre_fen" bigint DEFAULT 0 NOT NULL,
	"paid_on" date NOT NULL,
	"batch_id" bigint,
	"reverses_id" bigint,
	"note" text,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_payments_kind_check" CHECK ("dues_payments"."kind" in ('monthly', 'extra', 'reversal')),
	CONSTRAINT "dues_payments_month_check" CHECK ("dues_payments"."month" is null or "dues_payments"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_payments_shape_check" CHECK (("dues_payments"."kind" = 'reversal') = ("dues_payments"."reverses_id" is not null) and ("dues_payments"."kind" <> 'monthly' or "dues_payments"."month" is not null) and ("dues_payments"."kind" = 'reversal') = ("dues_payments"."amount_fen" < 0))
);
--> statement-breakpoint
CREATE TABLE "dues_profiles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"category" text NOT NULL,
	"base_fen" bigint,
	"amount_fen" integer,
	"basis_points" integer,
	"standard_fen" integer NOT NULL,
	"effective_from" date NOT NULL,
	"reviewed_on" date,
	"hardship_reason" text,
	"hardship_decided_on" date,
	"hardship_approved_by" text,
	"hardship_approved_on" date,
	"note" text,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_profiles_amounts_check" CHECK ("dues_profiles"."standard_fen" >= 0 and coalesce("dues_profiles"."base_fen", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "rule_params" (
	"rule_id" text PRIMARY KEY NOT NULL,
	"params" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dues_batches" ADD CONSTRAINT "dues_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_batches" ADD CONSTRAINT "dues_batches_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_batch_id_dues_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."dues_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_reverses_id_dues_payments_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."dues_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_profiles" ADD CONSTRAINT "dues_profiles_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_profiles" ADD CONSTRAINT "dues_profiles_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_params" ADD CONSTRAINT "rule_params_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dues_batches_org_idx" ON "dues_batches" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_member_month_idx" ON "dues_payments" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_org_month_idx" ON "dues_payments" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_batch_idx" ON "dues_payments" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_payments_reverses_key" ON "dues_payments" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "dues_profiles_member_idx" ON "dues_profiles" USING btree ("member_id","effective_from","id");