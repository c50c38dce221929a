export const dynamic = "force-dynamic";
export async function POST(request: Request) {
  await request.arrayBuffer();
  return new Response("OK\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
