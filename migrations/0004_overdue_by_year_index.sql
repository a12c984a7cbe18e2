DROP INDEX `issues_county_status_deadline`;--> statement-breakpoint
CREATE INDEX `issues_county_status_year_deadline` ON `issues` (`county_code`,`status`,`year`,`deadline`);