import Link from "next/link";

/** An order, notification or page that does not exist. (Pages stream, so the status may already be 200.) */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 px-4 py-16 text-center" data-testid="not-found">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">There is no such order, notification or page here. An order appears once JustClick has sent a notification for it.</p>
      <Link href="/" className="text-indigo-700 hover:underline">
        Back to the overview
      </Link>
    </div>
  );
}
