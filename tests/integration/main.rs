//! Integration tests: the real router on a random port over a fresh database per test.
//! SQLite by default; PostgreSQL when `TEST_DATABASE_URL` is set (`make test` runs both).
//! All files here build as one binary, which keeps link times down.

mod access_log;
mod amend;
mod api_keys;
mod archive;
mod audit;
mod backup;
mod backup_backends;
mod binary;
mod check_ins;
mod cli;
mod dockerfile;
mod domain_people;
mod erasure;
mod errors;
mod exports;
mod fuzz;
mod health;
mod helpers;
mod issuer;
mod keys;
mod mail;
mod metrics;
mod organisation;
mod outage;
mod pages;
mod people;
mod personal_data;
mod processes;
mod profile;
mod register;
mod repository;
mod rest;
mod retries;
mod scheduled_backups;
mod secrets;
mod security;
mod sessions;
mod setup;
mod sso;
mod start;
mod team_progress;
mod text;
mod throttle;
mod v2moms;
