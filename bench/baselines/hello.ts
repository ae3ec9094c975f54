// Baseline: the smallest Bun program, compiled the same way; its start-to-exit time is the runtime's floor.
console.log("hello");
