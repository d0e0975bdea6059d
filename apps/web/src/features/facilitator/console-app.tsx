export default function ConsoleApp({ code }: { code: string }) { return <div>{code}</div>; }
