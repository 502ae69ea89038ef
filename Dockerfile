# syntax=docker/dockerfile:1
# v2mom container image: `docker build -t v2mom .` then
#   docker run -p 3000:3000 -v v2mom-data:/var/lib/v2mom v2mom
# (SQLite in the volume; set DATABASE_URL=postgres://… for PostgreSQL.)

ARG RUST_VERSION=1.95

# ---- builder: the same `make tools build` as on a developer's machine -------------------------
FROM rust:${RUST_VERSION}-bookworm AS builder

# Node runs wasm-opt (npm binaryen) for the release WASM bundle. Debian's binaryen package is
# deliberately not installed: its wasm-opt (108) produces bundles that fail to hydrate.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*

ENV CARGO_TARGET_DIR=/cache/target
WORKDIR /src

# Tools first, in their own layer: rebuilt only when the Makefile, the scripts or the
# wasm-bindgen version in Cargo.lock change.
COPY Makefile Cargo.lock ./
COPY scripts ./scripts
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    make tools

COPY . .
# The target dir is a build cache, not part of any layer: copy the results out in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/cache/target \
    make build \
 && mkdir -p /out \
 && cp "$CARGO_TARGET_DIR/release/v2mom" /out/v2mom \
 && cp -r target/site /out/site

# ---- runtime ----------------------------------------------------------------------------------
FROM debian:bookworm-slim

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 v2mom \
 && useradd --system --uid 10001 --gid v2mom --home-dir /var/lib/v2mom --no-create-home \
      --shell /usr/sbin/nologin v2mom \
 && mkdir -p /var/lib/v2mom \
 && chown v2mom:v2mom /var/lib/v2mom

COPY --from=builder /out/v2mom /usr/local/bin/v2mom
COPY --from=builder /out/site /usr/share/v2mom/site

ENV V2MOM_SITE_ROOT=/usr/share/v2mom/site \
    V2MOM_DATA_DIR=/var/lib/v2mom \
    V2MOM_ADDR=0.0.0.0:3000 \
    V2MOM_LOG_FORMAT=json

USER 10001:10001
WORKDIR /var/lib/v2mom
VOLUME ["/var/lib/v2mom"]
EXPOSE 3000

# No HEALTHCHECK: the slim image has no HTTP client; orchestrators probe /healthz and /readyz.
ENTRYPOINT ["v2mom"]
CMD ["serve"]
