ALTER TABLE "development_people" ADD COLUMN "last_review_on" date;--> statement-breakpoint
ALTER TABLE "development_people" ADD COLUMN "prereview_on" date;--> statement-breakpoint
ALTER TABLE "development_people" ADD COLUMN "oath_on" date;--> statement-breakpoint
ALTER TABLE "development_people" ADD COLUMN "conversion_voted_on" date;