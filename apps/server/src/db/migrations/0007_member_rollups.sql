CREATE TABLE "member_rollups" (
	"org_id" bigint NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "member_rollups_org_id_dimension_key_pk" PRIMARY KEY("org_id","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "member_stat_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_stat_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_rollups" ADD CONSTRAINT "member_rollups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_stat_deltas_org_idx" ON "member_stat_deltas" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "members_birth_date_idx" ON "members" USING btree ("birth_date","org_path" text_pattern_ops) WHERE "members"."left_on" is null;