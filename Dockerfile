# syntax=docker/dockerfile:1
# v2mom container image (README "Docker"): `docker build -t v2mom .` then
#   docker run -p 3000:3000 -v v2mom-data:/var/lib/v2mom --read-only --tmpfs /tmp v2mom
# (SQLite in the volume; set DATABASE_URL=postgres://… for PostgreSQL.)
# Checked by hadolint (.hadolint.yaml) and tests/integration/dockerfile.rs in `make lint` / `make test`.

ARG RUST_VERSION=1.95

# ---- builder: the same `make build` as on a developer's machine (without the test tools) -------
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
    make tools TOOLS_ARGS=--build-only

COPY . .
# The target dir is a build cache, not part of any layer: copy the results out in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/cache/target \
    make build TOOLS_ARGS=--build-only \
 && mkdir -p /out \
 && cp "$CARGO_TARGET_DIR/release/v2mom" /out/v2mom \
 && cp -r target/site /out/site \
 && mkdir -p /out/data

# ---- runtime: distroless (glibc and CA certificates, no shell, no package manager) -------------
# The binary links only glibc and libgcc: TLS is rustls, SQLite is compiled in.
FROM gcr.io/distroless/cc-debian12:nonroot

ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="v2mom" \
      org.opencontainers.image.description="Write, align and track V2MOMs across an organisation" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"

COPY --from=builder /out/v2mom /usr/local/bin/v2mom
COPY --from=builder /out/site /usr/share/v2mom/site
# The one writable place (a volume): the SQLite database and the generated key file.
COPY --from=builder --chown=65532:65532 /out/data /var/lib/v2mom

ENV V2MOM_SITE_ROOT=/usr/share/v2mom/site \
    V2MOM_DATA_DIR=/var/lib/v2mom \
    V2MOM_ADDR=0.0.0.0:3000 \
    V2MOM_LOG_FORMAT=json

# distroless's "nonroot" user; nothing else in the image is writable by it.
USER 65532:65532
WORKDIR /var/lib/v2mom
VOLUME ["/var/lib/v2mom"]
EXPOSE 3000

# The binary probes its own /healthz: the image needs no shell or HTTP client.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/v2mom", "healthcheck"]

ENTRYPOINT ["/usr/local/bin/v2mom"]
CMD ["serve"]
