// The sandbox's routes use the catalogue's route table, so an API route and the catalogue operation it
// serves are matched by the same code (and the editor matches request URLs with it too).
export { RouteTable as Router, type PathParams as Params, type RouteMatch } from '../core/catalogue/routeTable';
