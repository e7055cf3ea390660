CREATE TABLE "admission_authorities" (
	"org_id" bigint PRIMARY KEY NOT NULL,
	"granted_on" date NOT NULL,
	"basis" text,
	"granted_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_people" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"gender" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text,
	"education" text,
	"work_unit" text,
	"post" text,
	"phone_enc" text,
	"phone_masked" text,
	"address" text,
	"status" text DEFAULT 'active' NOT NULL,
	"stage" text NOT NULL,
	"last_step" integer NOT NULL,
	"last_step_on" date NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"due_on" date,
	"due_rule" text,
	"applied_on" date,
	"activist_on" date,
	"candidate_on" date,
	"admitted_on" date,
	"approved_on" date,
	"probation_ends_on" date,
	"extension_months" integer,
	"confirmed_on" date,
	"is_transferred_in" boolean DEFAULT false NOT NULL,
	"transferred_in_on" date,
	"resumed_after_step" integer,
	"member_id" bigint,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"step" integer NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"occurred_on" date NOT NULL,
	"acting_org_id" bigint,
	"acting_org_name" text,
	"responsible" text,
	"document_no" text,
	"attachment_name" text,
	"note" text,
	"vote_expected" integer,
	"vote_present" integer,
	"vote_yes" integer,
	"vote_no" integer,
	"vote_abstain" integer,
	"vote_full_members" integer,
	"decision" text,
	"training_days" numeric,
	"class_hours" numeric,
	"publicity_from" date,
	"publicity_to" date,
	"publicity_working_days" integer,
	"extension_months" integer,
	"special_reason" text,
	"conclusion" text,
	"people" jsonb,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flowing_contacts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "flowing_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"contacted_on" date NOT NULL,
	"method" text NOT NULL,
	"is_reached" boolean NOT NULL,
	"note" text,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flowing_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "flowing_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"direction" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"member_id" bigint,
	"name" text NOT NULL,
	"gender" text,
	"org_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"place" text NOT NULL,
	"since" date NOT NULL,
	"work_unit" text,
	"phone_enc" text,
	"phone_masked" text,
	"mobility_card_no" text,
	"expected_return_on" date,
	"is_fixed_place" boolean DEFAULT true NOT NULL,
	"is_abroad" boolean DEFAULT false NOT NULL,
	"is_settled_abroad" boolean DEFAULT false NOT NULL,
	"home_org_name" text,
	"home_org_contact" text,
	"lost_contact_since" date,
	"last_contact_on" date,
	"returned_on" date,
	"suspended_on" date,
	"ended_on" date,
	"note" text,
	"created_by" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"member_id" bigint,
	"member_name" text NOT NULL,
	"member_gender" text,
	"member_birth_date" date,
	"member_status" text NOT NULL,
	"member_joined_on" date,
	"id_number_hash" text,
	"id_number_masked" text,
	"incoming" jsonb,
	"from_org_id" bigint,
	"from_org_path" text,
	"from_name" text NOT NULL,
	"to_org_id" bigint,
	"to_org_path" text,
	"to_name" text NOT NULL,
	"reason" text NOT NULL,
	"letter_no" text,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"accepted_on" date,
	"returned_on" date,
	"return_reason" text,
	"receipt_on" date,
	"cancelled_on" date,
	"cancel_reason" text,
	"note" text,
	"initiated_by" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_authorities" ADD CONSTRAINT "admission_authorities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_authorities" ADD CONSTRAINT "admission_authorities_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_people" ADD CONSTRAINT "development_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_people" ADD CONSTRAINT "development_people_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_person_id_development_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."development_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_acting_org_id_orgs_id_fk" FOREIGN KEY ("acting_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flowing_contacts" ADD CONSTRAINT "flowing_contacts_record_id_flowing_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."flowing_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flowing_contacts" ADD CONSTRAINT "flowing_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flowing_records" ADD CONSTRAINT "flowing_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flowing_records" ADD CONSTRAINT "flowing_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flowing_records" ADD CONSTRAINT "flowing_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_org_id_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_initiated_by_users_id_fk" FOREIGN KEY ("initiated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_year_idx" ON "calendar_days" USING btree ("year");--> statement-breakpoint
CREATE INDEX "development_people_org_path_idx" ON "development_people" USING btree ("org_path" text_pattern_ops,"status","stage");--> statement-breakpoint
CREATE INDEX "development_people_id_hash_idx" ON "development_people" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "development_people_member_idx" ON "development_people" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "development_people_due_idx" ON "development_people" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "development_steps_person_idx" ON "development_steps" USING btree ("person_id","step");--> statement-breakpoint
CREATE INDEX "flowing_contacts_record_idx" ON "flowing_contacts" USING btree ("record_id","contacted_on");--> statement-breakpoint
CREATE INDEX "flowing_records_org_path_idx" ON "flowing_records" USING btree ("org_path" text_pattern_ops,"direction","status");--> statement-breakpoint
CREATE INDEX "flowing_records_member_idx" ON "flowing_records" USING btree ("member_id","status");--> statement-breakpoint
CREATE INDEX "transfers_from_path_idx" ON "transfers" USING btree ("from_org_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "transfers_to_path_idx" ON "transfers" USING btree ("to_org_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "transfers_member_idx" ON "transfers" USING btree ("member_id","status");