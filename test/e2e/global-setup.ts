// Global setup of the end-to-end tier (the lab is brought up here once it exists).
export default function setup(): void {}
