/**
 * Makes an Observable Plot chart one accessible image: role="img" with a description on the <svg>,
 * and no aria-label on its inner groups (Plot labels each mark's <g>, which axe reports as a prohibited
 * attribute on an element without a role). The figures themselves are in the table or text beside it.
 */
export function describeChart<T extends Element>(chart: T, description: string): T {
  const svgs = chart instanceof SVGSVGElement ? [chart] : Array.from(chart.querySelectorAll("svg"));
  for (const svg of svgs) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", description);
    for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
    for (const g of Array.from(svg.querySelectorAll("[aria-description]"))) g.removeAttribute("aria-description");
  }
  return chart;
}
