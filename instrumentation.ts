/** Next calls register() once when the server starts: the drain signal (SIGUSR2) is handled from then on. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installDrainSignal } = await import("./bff/features/health/drain");
  installDrainSignal();
}
