-- How each monitoring report stands against its targets (decision table reportClassification).
alter table monitoring_report add column status varchar(20);
