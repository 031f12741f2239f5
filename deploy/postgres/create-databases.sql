-- One database per service: no service reads another's tables.
CREATE DATABASE hoanhap_registry;
CREATE DATABASE hoanhap_supervision;
CREATE DATABASE hoanhap_credit;
CREATE DATABASE hoanhap_stats;
