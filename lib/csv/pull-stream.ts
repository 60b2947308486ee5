/**
 * Chunks from an async generator (text, or bytes passed on as they are) as a pull-based byte
 * stream for a Response: the next chunk is produced only when the client has taken the previous
 * one, so a slow download holds no more than the generator does, and a cancelled download stops
 * the generator.
 */
export function pullStream(chunks: AsyncGenerator<string | Uint8Array>, onError?: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
        } catch (error) {
          onError?.(error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // Nothing is read ahead of the client beyond the chunk being produced.
    { highWaterMark: 0 },
  );
}
