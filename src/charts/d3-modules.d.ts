/**
 * The few d3 APIs the charts use, typed here because the d3 v7 packages ship no types of their own.
 * Replace with @types/d3-hierarchy, @types/d3-selection and @types/d3-transition if those are added.
 */
declare module 'd3-hierarchy' {
  export interface HierarchyNode<T> {
    data: T;
    depth: number;
    parent: this | null;
    children?: this[];
    value?: number;
    sum(value: (d: T) => number): this;
    descendants(): this[];
    ancestors(): this[];
    eachBefore(callback: (node: this) => void): this;
  }
  export interface HierarchyRectangularNode<T> extends HierarchyNode<T> {
    x0: number;
    x1: number;
    y0: number;
    y1: number;
  }
  export interface PartitionLayout<T> {
    (root: HierarchyNode<T>): HierarchyRectangularNode<T>;
    size(size: [number, number]): this;
    padding(padding: number): this;
  }
  export function hierarchy<T>(data: T, children?: (d: T) => Iterable<T> | null | undefined): HierarchyNode<T>;
  export function partition<T>(): PartitionLayout<T>;
}

declare module 'd3-selection' {
  type Value = string | number | null;
  export interface Transition<E extends Element> {
    duration(ms: number): this;
    attr(name: string, value: Value): this;
    on(type: string, listener: (this: E) => void): this;
  }
  export interface Selection<E extends Element> {
    node(): E | null;
    attr(name: string, value: Value): this;
    classed(names: string, value: boolean): this;
    text(value: string): this;
    interrupt(name?: string): this;
    transition(name?: string | Transition<Element>): Transition<E>;
  }
  export function select<E extends Element>(node: E): Selection<E>;
}

declare module 'd3-transition' {}

declare module 'd3-color' {
  export interface RGBColor {
    r: number;
    g: number;
    b: number;
    formatHex(): string;
  }
  export interface HSLColor {
    h: number;
    s: number;
    l: number;
    rgb(): RGBColor;
    formatHex(): string;
  }
  export interface LabColor {
    l: number;
    a: number;
    b: number;
  }
  export function hsl(h: number, s: number, l: number): HSLColor;
  export function rgb(specifier: string): RGBColor;
  export function lab(color: string | RGBColor): LabColor;
}
