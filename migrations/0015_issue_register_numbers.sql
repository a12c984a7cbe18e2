CREATE TABLE `issue_number_seq` (
	`county_code` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`county_code`, `year`)
);
--> statement-breakpoint
ALTER TABLE `issues` ADD `number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `issues_number` ON `issues` (`number`);--> statement-breakpoint
-- data: every existing issue gets its register number, in order of found date (then filing time and id) within its county and year; the short county names are worker/core/taxonomy.ts COUNTY_SHORT_NAMES (a county not listed there keeps its full name). The counters start after the last number given.
UPDATE `issues` SET `number` = n.`short` || '-' || n.`year` || '-' || printf('%04d', n.`seq`)
FROM (
  SELECT i.`id`, i.`year`,
    CASE i.`county_code` WHEN '130802' THEN '双桥' WHEN '130803' THEN '双滦' WHEN '130804' THEN '鹰手营子' WHEN '130821' THEN '承德县'
      WHEN '130822' THEN '兴隆' WHEN '130824' THEN '滦平' WHEN '130825' THEN '隆化' WHEN '130826' THEN '丰宁' WHEN '130827' THEN '宽城'
      WHEN '130828' THEN '围场' WHEN '130881' THEN '平泉' WHEN '130871' THEN '高新区'
      ELSE coalesce((SELECT p.`name` FROM `places` p WHERE p.`code` = i.`county_code`), i.`county_code`) END AS `short`,
    row_number() OVER (PARTITION BY i.`county_code`, i.`year` ORDER BY i.`found_on`, i.`created_at`, i.`id`) AS `seq`
  FROM `issues` i
) AS n
WHERE `issues`.`id` = n.`id`;--> statement-breakpoint
INSERT INTO `issue_number_seq` (`county_code`, `year`, `last`)
SELECT `county_code`, `year`, count(*) FROM `issues` GROUP BY `county_code`, `year`;
