export default function ScreenApp({ code }: { code: string }) { return <div>{code}</div>; }
