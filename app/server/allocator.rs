//! The server's allocator: mimalloc (why: `Cargo.toml`), told to give freed memory back to
//! the system at once. Set in the library, so the server, its tests and the benches all run
//! on the same one, tuned the same way ([`give_memory_back_at_once`] runs when the server's
//! state is built).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in version 2's `mimalloc.h` (the Rust bindings name no constant
/// for it): milliseconds before freed memory is given back to the system; 0 is at once.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system when it is freed, not 10 ms later. A delayed purge
/// only happens when the freeing thread next calls the allocator, so a worker that goes idle
/// after a burst (a sign-in storm's 19 MiB hashes, a crowd's pages) kept it resident:
/// 133–190 MB after the bench's storm against 110–117 MB at once, for no measurable cost in
/// requests per second (README *Performance*).
pub fn give_memory_back_at_once() {
    // SAFETY: setting an option is a plain store mimalloc allows at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// How long mimalloc waits before giving freed memory back, in milliseconds.
pub fn purge_delay_ms() -> std::ffi::c_long {
    // SAFETY: reading an option is a plain load.
    unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }
}
