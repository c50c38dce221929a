/** Shown while a report's queries run (large shops, long ranges): the page's shape, without figures. */
export default function Loading() {
  return (
    <div className="animate-pulse space-y-6" data-testid="loading" aria-busy="true" aria-label="Loading the report">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-xl bg-slate-200" />
        ))}
      </div>
      <div className="h-72 rounded-xl bg-slate-200" />
    </div>
  );
}
