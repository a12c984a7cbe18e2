CREATE TABLE `activity_counts` (
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`activities` integer DEFAULT 0 NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`active_deputies` integer DEFAULT 0 NOT NULL,
	`policy_talk` integer DEFAULT 0 NOT NULL,
	`opinion` integer DEFAULT 0 NOT NULL,
	`deed` integer DEFAULT 0 NOT NULL,
	`mentoring` integer DEFAULT 0 NOT NULL,
	`market_entity` integer DEFAULT 0 NOT NULL,
	`green_project` integer DEFAULT 0 NOT NULL,
	`funds` integer DEFAULT 0 NOT NULL,
	`talent` integer DEFAULT 0 NOT NULL,
	`technology` integer DEFAULT 0 NOT NULL,
	`funds_hundredths` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `county_code`)
);
--> statement-breakpoint
CREATE TABLE `deputy_counts` (
	`county_code` text PRIMARY KEY NOT NULL,
	`deputies` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deputy_year_counts` (
	`deputy_id` text NOT NULL,
	`year` integer NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`deputy_id`, `year`)
);
--> statement-breakpoint
CREATE TABLE `five_one_counts` (
	`year` integer NOT NULL,
	`place_code` text NOT NULL,
	`type` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `place_code`, `type`)
);
--> statement-breakpoint
CREATE TABLE `issue_counts` (
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`reported` integer DEFAULT 0 NOT NULL,
	`assigned` integer DEFAULT 0 NOT NULL,
	`rectifying` integer DEFAULT 0 NOT NULL,
	`rectified` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`closed_on_time` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `county_code`, `dimension`, `key`),
	CONSTRAINT "issue_counts_dimension" CHECK("issue_counts"."dimension" in ('field', 'township'))
);

-- Counters for rows that existed before this migration (the same recount as worker/stats/recount.ts).
--> statement-breakpoint
INSERT INTO `issue_counts` (year, county_code, dimension, key, reported, assigned, rectifying, rectified, closed, rejected, closed_on_time) select year, county_code, dimension, key, sum(status = 'reported'), sum(status = 'assigned'), sum(status = 'rectifying'), sum(status = 'rectified'), sum(status = 'closed'), sum(status = 'rejected'), sum(status = 'closed' and closed_on_time = 1) from (select year, county_code, 'field' as dimension, field_code as key, status, closed_on_time from issues union all select year, county_code, 'township', township, status, closed_on_time from issues) group by year, county_code, dimension, key;
--> statement-breakpoint
INSERT INTO `activity_counts` (year, county_code, activities, confirmed, active_deputies, policy_talk, opinion, deed, mentoring, market_entity, green_project, funds, talent, technology, funds_hundredths) select a.year, a.county_code, count(*), sum(a.status = 'confirmed'), count(distinct case when a.status = 'confirmed' then a.deputy_id end), sum(case when a.status = 'confirmed' then a.policy_talk else 0 end), sum(case when a.status = 'confirmed' then a.opinion else 0 end), sum(case when a.status = 'confirmed' then a.deed else 0 end), sum(case when a.status = 'confirmed' then a.mentoring else 0 end), (select count(*) from activity_introductions i join activities b on b.id = i.activity_id where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'market_entity'), (select count(*) from activity_introductions i join activities b on b.id = i.activity_id where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'green_project'), (select count(*) from activity_introductions i join activities b on b.id = i.activity_id where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'funds'), (select count(*) from activity_introductions i join activities b on b.id = i.activity_id where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'talent'), (select count(*) from activity_introductions i join activities b on b.id = i.activity_id where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'technology'), (select coalesce(sum(i.amount_hundredths), 0) from activity_introductions i join activities b on b.id = i.activity_id where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'funds') from activities a group by a.year, a.county_code;
--> statement-breakpoint
INSERT INTO `deputy_year_counts` (deputy_id, year, confirmed) select deputy_id, year, count(*) from activities where status = 'confirmed' group by deputy_id, year;
--> statement-breakpoint
INSERT INTO `deputy_counts` (county_code, deputies) select county_code, count(*) from users where role = 'deputy' and active = 1 group by county_code;
--> statement-breakpoint
INSERT INTO `five_one_counts` (year, place_code, type, n) select year, place_code, type, count(*) from five_ones group by year, place_code, type;
